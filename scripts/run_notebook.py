#!/usr/bin/env python3
"""Run examples/notebook.ipynb headless with nbclient; fail when any cell fails.

    python3 scripts/run_notebook.py [--graph corpus.json] [--in-place] [NOTEBOOK]

The notebook runs in its own folder (examples/), on the graph given by --graph (passed to it as
RESGRAPH_GRAPH; it falls back to graphs/demo.json). By default the executed notebook and its
plot go to temporary files and the committed ones are left as they are; --in-place writes the
outputs back into the notebook and the plot to graphs/citations_per_year.png.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("notebook", nargs="?", type=Path, default=ROOT / "examples" / "notebook.ipynb")
    ap.add_argument("--graph", type=Path, help="node-link JSON from resgraph build")
    ap.add_argument("--in-place", action="store_true", help="write the outputs into the notebook")
    ap.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    args = ap.parse_args()

    if args.graph:
        # The kernel inherits the environment; the notebook reads the graph's path from it.
        os.environ["RESGRAPH_GRAPH"] = str(args.graph.resolve())
    if not args.in_place:
        # A run that checks the notebook leaves the committed plot alone.
        plot = Path(tempfile.gettempdir()) / "executed-citations_per_year.png"
        os.environ["RESGRAPH_PLOT"] = str(plot)
    nb = nbformat.read(args.notebook, as_version=4)
    client = NotebookClient(
        nb,
        timeout=args.timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(args.notebook.resolve().parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as e:
        print(f"{args.notebook}: a cell failed:\n{e}", file=sys.stderr)
        return 1
    if args.in_place:
        out = args.notebook
    else:
        out = Path(tempfile.gettempdir()) / f"executed-{args.notebook.name}"
    nbformat.write(nb, out)
    code_cells = sum(1 for c in nb.cells if c.cell_type == "code")
    print(f"{args.notebook}: {code_cells} code cells ran; executed notebook in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
