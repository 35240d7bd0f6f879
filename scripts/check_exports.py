#!/usr/bin/env python3
"""Load every resgraph export in the tool analysts use for it and check it against resgraph.

    python3 scripts/check_exports.py --bin target/release/resgraph --graph corpus.json [--out DIR]

`--graph` is a node-link JSON file written by `resgraph build`: it is resgraph's own account of
the graph, and every other export is checked against it. For each format the script asks
`resgraph export` for the file, loads it in the real client and checks the node count, the edge
count, the full sets of node ids and of edges, the total weight, the id, type, body, date and
label of a few chosen nodes and the weight of chosen edges:

    json       networkx  node_link_graph(data, edges="edges"), and edges="links" for --node-link-key links
    graphml    networkx  read_graphml;  python-igraph  Graph.Read_GraphML
    gexf       networkx  read_gexf;  and the GEXF 1.3 schema rules (validate_gexf below)
    csv        pandas    read_csv of nodes.csv and edges.csv
    cytoscape  networkx  cytoscape_graph
    pajek      python-igraph  Graph.Read_Pajek
    graphml, csv, pajek in R (igraph read_graph, readr read_csv): scripts/check_exports.R, when
               Rscript is installed (--require-r makes its absence a failure)

It then does the same with a small graph whose ids, labels and titles hold quotes, `&`, `<`,
line breaks, control characters and right-to-left text, and checks that every client reads
them back as written (less what a format cannot carry: control characters in XML and CSV,
line breaks and double quotes in Pajek labels).

Exit status 0 when every check passes, 1 otherwise; one line per check on stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import igraph
import networkx as nx
import pandas as pd

RESULTS = {"passed": 0, "failed": 0}
SCRIPTS = Path(__file__).resolve().parent


def check(what: str, got, want) -> None:
    """Records one check: `got` must equal `want`."""
    ok = got == want
    RESULTS["passed" if ok else "failed"] += 1
    mark = "ok  " if ok else "FAIL"
    if ok:
        # Numbers are worth seeing: they are the counts checked.
        detail = f" = {got}" if isinstance(got, (int, float)) and not isinstance(got, bool) else ""
    else:
        detail = f": got {got!r}, want {want!r}"
    print(f"{mark} {what}{detail}")


# --- What each format can carry (mirrors src/export/escape.rs) -----------------------------------


def clean(s: str) -> str:
    """Drops the control characters XML 1.0 and RFC 4180 CSV cannot carry."""
    return "".join(
        c
        for c in s
        if not (unicodedata.category(c) == "Cc" and c not in "\t\n\r") and c not in "\ufffe\uffff"
    )


def token(s: str) -> str:
    """An xs:token: clean, XML whitespace runs collapsed, trimmed."""
    return " ".join(w for w in re.split(r"[ \t\n\r]+", clean(s)) if w)


def pajek_label(s: str) -> str:
    return token(s).replace('"', "'")


def same(got, want) -> bool:
    """Numbers compare as numbers (3 == 3.0); a missing value is None, '' or NaN."""
    if want is None:
        return got is None or got == "" or (isinstance(got, float) and math.isnan(got))
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        try:
            return float(got) == float(want)
        except (TypeError, ValueError):
            return False
    return got == want


# --- The reference: resgraph's own node-link JSON ---------------------------------------------


class Reference:
    """Counts, ids, edges and chosen samples from the node-link JSON."""

    def __init__(self, data: dict):
        self.nodes = {n["id"]: n for n in data["nodes"]}
        self.edges = {(e["source"], e["target"]): e for e in data["edges"]}
        self.total_weight = sum(e["weight"] for e in data["edges"])
        indegree: dict[str, int] = {}
        for s, t in self.edges:
            indegree[t] = indegree.get(t, 0) + 1
        ids = sorted(self.nodes)
        picks = []
        # The most cited node, the first dated node with a title, the first dated Security
        # Council node, the first undated node.
        picks.append(min(ids, key=lambda i: (-indegree.get(i, 0), i)))
        picks += [i for i in ids if self.nodes[i].get("title") and self.nodes[i]["date"]][:1]
        picks += [i for i in ids if self.nodes[i]["body"] == "SC" and self.nodes[i]["date"]][:1]
        picks += [i for i in ids if not self.nodes[i]["date"]][:1]
        self.sample_nodes = list(dict.fromkeys(picks))
        keys = sorted(self.edges)
        heaviest = min(keys, key=lambda k: (-self.edges[k]["weight"], k))
        self.sample_edges = list(dict.fromkeys([heaviest, keys[0], keys[-1]]))


def check_graph(
    client: str,
    ref: Reference,
    node_ids: set,
    edges: dict,
    attrs,
    id_form=lambda s: s,
    label_form=lambda s: s,
    text_form=lambda s: s,
) -> None:
    """Checks one loaded graph against the reference.

    `edges` maps (source id, target id) to weight; `attrs(id)` gives a node's attributes as a dict
    (or None for a client without attributes); the `*_form` functions say what the format makes
    of an id, a label and other text.
    """
    check(f"{client}: node count", len(node_ids), len(ref.nodes))
    check(f"{client}: edge count", len(edges), len(ref.edges))
    check(f"{client}: node ids", node_ids == {id_form(i) for i in ref.nodes}, True)
    want_edges = {(id_form(s), id_form(t)) for s, t in ref.edges}
    check(f"{client}: edges", set(edges) == want_edges, True)
    check(f"{client}: total weight", same(sum(edges.values()), ref.total_weight), True)
    for nid in ref.sample_nodes:
        n = ref.nodes[nid]
        a = attrs(id_form(nid))
        if a is None:
            continue
        got = {k: a.get(k) for k in ("id", "type", "body", "date", "label")}
        want = {
            "id": id_form(nid),
            "type": n["type"],
            "body": text_form(n["body"]),
            "date": n["date"],
            "label": label_form(n["label"]),
        }
        ok = all(same(got[k], want[k]) for k in want)
        check(f"{client}: node {nid!r} id/type/body/date/label", got if not ok else want, want)
    for s, t in ref.sample_edges:
        w = edges.get((id_form(s), id_form(t)))
        want = ref.edges[(s, t)]["weight"]
        check(f"{client}: weight of {s!r} -> {t!r} is {want}", same(w, want), True)


# --- Clients ------------------------------------------------------------------------------------


def nx_graph(client, ref, g, *, relabel=None, **forms):
    """Checks a networkx graph; `relabel` names the attribute that holds the real id."""
    if relabel:
        g = nx.relabel_nodes(g, nx.get_node_attributes(g, relabel))
    edges = {(s, t): d.get("weight") for s, t, d in g.edges(data=True)}

    def attrs(i):
        return {**g.nodes[i], "id": i} if i in g else {}

    check(f"{client}: directed", g.is_directed(), True)
    check_graph(client, ref, set(g.nodes), edges, attrs, **forms)
    return g


def ig_graph(client, ref, g, *, with_attrs=True, **forms):
    names = g.vs["name"]
    edges = {(names[e.source], names[e.target]): e["weight"] for e in g.es}
    by_name = {v["name"]: v for v in g.vs}

    def attrs(i):
        if not with_attrs:
            return None
        v = by_name.get(i)
        return {**v.attributes(), "id": v["name"]} if v else {}

    check(f"{client}: directed", g.is_directed(), True)
    check_graph(client, ref, set(names), edges, attrs, **forms)


def pandas_csv(client, ref, folder: Path, **forms):
    # Every field as the text written, "" for a missing value.
    nodes = pd.read_csv(folder / "nodes.csv", dtype=str, keep_default_na=False)
    edges_t = pd.read_csv(folder / "edges.csv", dtype=str, keep_default_na=False)
    check(
        f"{client}: Gephi columns",
        (list(nodes.columns[:2]), list(edges_t.columns[:4]), nodes.columns[-1], edges_t.columns[-1]),
        (["Id", "Label"], ["Source", "Target", "Type", "Weight"], "Interval", "Interval"),
    )
    edges = {(r.Source, r.Target): int(r.Weight) for r in edges_t.itertuples()}
    rows = {r["Id"]: r for r in nodes.to_dict("records")}

    def attrs(i):
        r = rows.get(i, {})
        return {**r, "id": r.get("Id"), "label": r.get("Label"), "date": r.get("date") or None}

    check_graph(client, ref, set(nodes["Id"]), edges, attrs, **forms)
    # The timeline column: a node starts at its date, an edge at its citing document's date.
    nid = ref.sample_nodes[0]
    date = ref.nodes[nid]["date"]
    check(
        f"{client}: Interval of {nid!r}",
        rows[forms.get("id_form", lambda s: s)(nid)]["Interval"],
        f"<[{date}, Infinity]>" if date else "",
    )
    # Read the plain way too: pandas infers numbers and booleans.
    plain = pd.read_csv(folder / "edges.csv")
    check(f"{client}: Weight read as integers", str(plain["Weight"].dtype), "int64")
    plain_nodes = pd.read_csv(folder / "nodes.csv")
    check(f"{client}: in_corpus read as booleans", str(plain_nodes["in_corpus"].dtype), "bool")


# --- GEXF 1.3 schema rules --------------------------------------------------------------------

GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"
ATTR_TYPES = {
    "integer", "long", "double", "float", "boolean", "bigdecimal", "biginteger", "byte", "char",
    "short", "liststring", "listboolean", "listinteger", "listlong", "listfloat", "listdouble",
    "listbyte", "listshort", "listbigdecimal", "listbiginteger", "listchar", "string", "anyURI",
}  # fmt: skip
EDGE_TYPES = {"directed", "undirected", "mutual"}
XS_DATE = re.compile(r"-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?")
XS_DATETIME = re.compile(r"-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")
XS_INTEGER = re.compile(r"[+-]?\d+")
XS_DOUBLE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN")


def is_token(s: str) -> bool:
    return s == token(s) and s == clean(s)


def valid_time(value: str, timeformat: str) -> bool:
    if timeformat == "date":
        if not XS_DATE.fullmatch(value):
            return False
        try:
            dt.date.fromisoformat(value[:10])
        except ValueError:
            return False
        return True
    if timeformat == "dateTime":
        return bool(XS_DATETIME.fullmatch(value))
    if timeformat == "integer":
        return bool(XS_INTEGER.fullmatch(value))
    return bool(XS_DOUBLE.fullmatch(value))  # double, the default


def valid_value(value: str, atype: str) -> bool:
    if atype in ("integer", "long", "short", "byte", "biginteger"):
        return bool(XS_INTEGER.fullmatch(value))
    if atype in ("double", "float", "bigdecimal"):
        return bool(XS_DOUBLE.fullmatch(value))
    if atype == "boolean":
        return value in ("true", "false", "1", "0")
    if atype == "char":
        return len(value) == 1
    if atype == "anyURI":
        return not re.search(r"[\s<>\"{}|\\^`]", value)
    return True


def validate_gexf(path: Path) -> list[str]:
    """The GEXF 1.3 schema's rules (gexf.xsd, dynamics.xsd of gexf.net/1.3), checked by hand.

    Structure and order of elements, required and allowed attributes, enumerations, id
    uniqueness and references, attribute declarations and typed values, and the dynamics
    (start/end in the declared timeformat, start <= end). Returns the problems found.
    """
    errors: list[str] = []

    def err(msg):
        if len(errors) < 20:
            errors.append(msg)

    def allowed(el, names, where):
        extra = set(el.attrib) - set(names)
        if extra:
            err(f"{where}: attributes not in the schema: {sorted(extra)}")

    def children(el, where, order):
        """Checks the children's tags follow `order`: a list of (tag, min, max)."""
        kids = [c for c in el if not c.tag.startswith(VIZ)]
        i = 0
        for tag, lo, hi in order:
            n = 0
            while i < len(kids) and kids[i].tag == tag:
                i += 1
                n += 1
            if n < lo or (hi is not None and n > hi):
                err(f"{where}: {n} <{tag.removeprefix(GEXF)}> (want {lo}..{hi or 'many'})")
        if i < len(kids):
            err(f"{where}: unexpected <{kids[i].tag}>")
        return kids

    root = ET.parse(path).getroot()
    if root.tag != GEXF + "gexf":
        return [f"root is {root.tag}, want {GEXF}gexf"]
    allowed(root, ["version", "variant", XSI + "schemaLocation"], "gexf")
    if root.get("version") != "1.3":
        err(f"gexf version {root.get('version')!r}, want '1.3'")
    children(root, "gexf", [(GEXF + "meta", 0, 1), (GEXF + "graph", 1, 1)])
    meta = root.find(GEXF + "meta")
    if meta is not None:
        allowed(meta, ["lastmodifieddate"], "meta")
        if "lastmodifieddate" in meta.attrib and not valid_time(meta.get("lastmodifieddate"), "date"):
            err("meta: lastmodifieddate is not an xs:date")
        tags = [c.tag for c in meta]
        for c in meta:
            if c.tag not in (GEXF + "creator", GEXF + "keywords", GEXF + "description"):
                err(f"meta: unexpected <{c.tag}>")
            elif tags.count(c.tag) > 1:
                err(f"meta: <{c.tag}> more than once")
            elif len(c):
                err(f"meta: <{c.tag}> holds elements")
    graph = root.find(GEXF + "graph")
    if graph is None:
        return errors
    graph_attrs = ["defaultedgetype", "idtype", "mode", "timeformat", "start", "end", "timestamp",
                   "timerepresentation", "timezone"]  # fmt: skip
    allowed(graph, graph_attrs, "graph")
    enums = {
        "defaultedgetype": EDGE_TYPES,
        "idtype": {"integer", "string"},
        "mode": {"static", "dynamic", "slice"},
        "timeformat": {"integer", "double", "date", "dateTime"},
        "timerepresentation": {"interval", "timestamp"},
    }
    for k, values in enums.items():
        if k in graph.attrib and graph.get(k) not in values:
            err(f"graph: {k}={graph.get(k)!r} not in {sorted(values)}")
    timeformat = graph.get("timeformat", "double")
    dynamic = graph.get("mode") == "dynamic"
    children(
        graph,
        "graph",
        [(GEXF + "attributes", 0, None), (GEXF + "nodes", 1, 1), (GEXF + "edges", 1, 1)],
    )
    declared: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for a in graph.findall(GEXF + "attributes"):
        allowed(a, ["class", "mode", "start", "end"], "attributes")
        cls = a.get("class")
        if cls not in declared:
            err(f"attributes: class={cls!r} not node or edge")
            continue
        if a.get("mode", "static") not in ("static", "dynamic"):
            err(f"attributes: mode={a.get('mode')!r}")
        for x in a:
            if x.tag != GEXF + "attribute":
                err(f"attributes: unexpected <{x.tag}>")
                continue
            allowed(x, ["id", "title", "type"], "attribute")
            for req in ("id", "title", "type"):
                if req not in x.attrib:
                    err(f"attribute: no {req}")
            if x.get("type") not in ATTR_TYPES:
                err(f"attribute {x.get('title')!r}: type {x.get('type')!r} not in the schema")
            if x.get("id") in declared[cls]:
                err(f"attribute id {x.get('id')!r} declared twice for {cls}")
            declared[cls][x.get("id")] = x.get("type")
            for d in x:
                if d.tag not in (GEXF + "default", GEXF + "options"):
                    err(f"attribute: unexpected <{d.tag}>")

    def dynamics(el, where):
        start, end = el.get("start"), el.get("end")
        for k in ("start", "end", "timestamp"):
            v = el.get(k)
            if v is not None and not valid_time(v, timeformat):
                err(f"{where}: {k}={v!r} is not a {timeformat}")
        if (start is not None or end is not None) and not dynamic:
            err(f"{where}: start/end in a graph that is not dynamic")
        if start is not None and end is not None and timeformat == "date" and start > end:
            err(f"{where}: start {start} after end {end}")

    def attvalues(el, cls, where):
        for av in el.findall(GEXF + "attvalues"):
            for v in av:
                if v.tag != GEXF + "attvalue":
                    err(f"{where}: unexpected <{v.tag}> in attvalues")
                    continue
                allowed(v, ["for", "value", "start", "end", "timestamp"], where + " attvalue")
                key, value = v.get("for"), v.get("value")
                if key not in declared[cls]:
                    err(f"{where}: attvalue for undeclared {cls} attribute {key!r}")
                elif value is None:
                    err(f"{where}: attvalue without value")
                elif not valid_value(value, declared[cls][key]):
                    err(f"{where}: {value!r} is not a {declared[cls][key]}")

    time_attrs = ["start", "end", "intervals", "timestamp", "timestamps"]
    nodes_el = graph.find(GEXF + "nodes")
    node_ids: set[str] = set()
    node_start: dict[str, str] = {}
    if nodes_el is not None:
        allowed(nodes_el, ["count"], "nodes")
        nodes = children(nodes_el, "nodes", [(GEXF + "node", 0, None)])
        if "count" in nodes_el.attrib and nodes_el.get("count") != str(len(nodes)):
            err(f"nodes: count={nodes_el.get('count')} but {len(nodes)} nodes")
        for n in nodes:
            nid = n.get("id")
            where = f"node {nid!r}"
            allowed(n, ["id", "label", "pid"] + time_attrs, where)
            if nid is None:
                err("node without id")
            elif nid in node_ids:
                err(f"{where}: id used twice")
            node_ids.add(nid)
            if "label" in n.attrib and not is_token(n.get("label")):
                err(f"{where}: label {n.get('label')!r} is not an xs:token")
            dynamics(n, where)
            if n.get("start"):
                node_start[nid] = n.get("start")
            for c in n:
                if c.tag.startswith(VIZ):
                    continue
                if c.tag not in (GEXF + "attvalues", GEXF + "spells", GEXF + "parents",
                                 GEXF + "nodes", GEXF + "edges"):  # fmt: skip
                    err(f"{where}: unexpected <{c.tag}>")
            if len(n.findall(GEXF + "attvalues")) > 1:
                err(f"{where}: more than one <attvalues>")
            attvalues(n, "node", where)
    edges_el = graph.find(GEXF + "edges")
    if edges_el is not None:
        allowed(edges_el, ["count"], "edges")
        edges = children(edges_el, "edges", [(GEXF + "edge", 0, None)])
        if "count" in edges_el.attrib and edges_el.get("count") != str(len(edges)):
            err(f"edges: count={edges_el.get('count')} but {len(edges)} edges")
        edge_ids: set[str] = set()
        for e in edges:
            where = f"edge {e.get('id')!r}"
            allowed(e, ["id", "type", "label", "source", "target", "weight", "kind"] + time_attrs, where)
            eid = e.get("id")
            if eid is not None:
                if eid in edge_ids:
                    err(f"{where}: id used twice")
                edge_ids.add(eid)
            for end in ("source", "target"):
                if e.get(end) not in node_ids:
                    err(f"{where}: {end} {e.get(end)!r} is not a node")
            if e.get("type", "directed") not in EDGE_TYPES:
                err(f"{where}: type {e.get('type')!r}")
            if "weight" in e.attrib and not XS_DOUBLE.fullmatch(e.get("weight")):
                err(f"{where}: weight {e.get('weight')!r} is not an xs:double")
            if "label" in e.attrib and not is_token(e.get("label")):
                err(f"{where}: label is not an xs:token")
            dynamics(e, where)
            for c in e:
                if c.tag not in (GEXF + "attvalues", GEXF + "spells") and not c.tag.startswith(VIZ):
                    err(f"{where}: unexpected <{c.tag}>")
            attvalues(e, "edge", where)
    return errors


def check_gexf_dates(client, ref, g) -> None:
    """Gephi's timeline: a node starts at its date, an edge at its citing document's date."""
    bad_nodes = [i for i, n in ref.nodes.items() if g.nodes[i].get("start") != n["date"]]
    check(f"{client}: every node starts at its date", bad_nodes[:3], [])
    bad_edges = [
        (s, t) for (s, t) in ref.edges if g.edges[s, t].get("start") != ref.nodes[s]["date"]
    ]
    check(f"{client}: every edge starts at its citing document's date", bad_edges[:3], [])


# --- Driving resgraph -----------------------------------------------------------------------


def export(binary: str, graph: Path, fmt: str, out: Path, *extra: str) -> Path:
    cmd = [binary, "export", str(graph), "--format", fmt, "-o", str(out), *extra]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({run.returncode}): {run.stderr.strip()}")
    return out


def check_all(
    binary: str, graph: Path, out: Path, label: str, hostile: bool, require_r: bool = False
) -> None:
    data = json.loads(graph.read_text(encoding="utf-8"))
    ref = Reference(data)
    print(f"--- {label}: {len(ref.nodes)} nodes, {len(ref.edges)} edges")
    # What formats that cannot carry everything make of the text (identity for real UN ids).
    xml = {"id_form": clean, "label_form": clean, "text_form": clean}

    p = export(binary, graph, "json", out / "graph.json")
    g = nx.node_link_graph(json.loads(p.read_text(encoding="utf-8")), edges="edges")
    nx_graph(f"{label} json/networkx", ref, g)
    p = export(binary, graph, "json", out / "graph-links.json", "--node-link-key", "links")
    g = nx.node_link_graph(json.loads(p.read_text(encoding="utf-8")), edges="links")
    nx_graph(f"{label} json links/networkx", ref, g)

    p = export(binary, graph, "graphml", out / "graph.graphml")
    nx_graph(f"{label} graphml/networkx", ref, nx.read_graphml(p), relabel="name", **xml)
    ig_graph(f"{label} graphml/igraph", ref, igraph.Graph.Read_GraphML(str(p)), **xml)

    p = export(binary, graph, "gexf", out / "graph.gexf")
    problems = validate_gexf(p)
    check(f"{label} gexf: GEXF 1.3 schema rules", problems, [])
    g = nx.read_gexf(p)
    gexf_forms = {"id_form": clean, "label_form": token, "text_form": clean}
    g = nx_graph(f"{label} gexf/networkx", ref, g, **gexf_forms)
    if not hostile:
        check_gexf_dates(f"{label} gexf/networkx", ref, g)

    folder = out / "csv"
    export(binary, graph, "csv", folder)
    pandas_csv(f"{label} csv/pandas", ref, folder, **xml)

    p = export(binary, graph, "cytoscape", out / "graph.cyjs")
    g = nx.cytoscape_graph(json.loads(p.read_text(encoding="utf-8")))
    nx_graph(f"{label} cytoscape/networkx", ref, g)

    p = export(binary, graph, "pajek", out / "graph.net")
    g = igraph.Graph.Read_Pajek(str(p))
    ig_graph(f"{label} pajek/igraph", ref, g, with_attrs=False, id_form=pajek_label)

    if hostile:
        check_hostile_titles(ref, out)
    else:
        check_r(out, ref, require_r)


def check_r(out: Path, ref: Reference, require: bool) -> None:
    """The R lines of docs/analysis-tools.md, run by scripts/check_exports.R."""
    rscript = shutil.which("Rscript")
    if rscript is None:
        print("skip R checks: Rscript not found")
        if require:
            check("R: Rscript found", False, True)
        return
    nid = ref.sample_nodes[0]
    n = ref.nodes[nid]
    s, t = ref.sample_edges[0]
    cmd = [rscript, str(SCRIPTS / "check_exports.R"), str(out), str(len(ref.nodes)),
           str(len(ref.edges)), nid, n["type"], n["body"], n["date"] or "", n["label"], s, t,
           str(ref.edges[(s, t)]["weight"])]  # fmt: skip
    run = subprocess.run(cmd, capture_output=True, text=True)
    lines = run.stdout.splitlines()
    for line in lines:
        print(line.rstrip())
        if line.startswith("ok"):
            RESULTS["passed"] += 1
        elif line.startswith("FAIL"):
            RESULTS["failed"] += 1
    if run.returncode != 0 and not any(line.startswith("FAIL") for line in lines):
        check("R: check_exports.R ran", run.stderr.strip()[-2000:], "")


def check_hostile_titles(ref: Reference, out: Path) -> None:
    """Titles survive in every format that carries them."""
    titled = [i for i in ref.nodes if ref.nodes[i].get("title")]
    want = {clean(i): clean(ref.nodes[i]["title"]) for i in titled}
    g = nx.read_graphml(out / "graph.graphml")
    names = nx.get_node_attributes(g, "name")
    got = {names[n]: d.get("title") for n, d in g.nodes(data=True) if names[n] in want}
    check("hostile graphml/networkx: titles", got, want)
    g = nx.read_gexf(out / "graph.gexf")
    check("hostile gexf/networkx: titles", {i: g.nodes[i].get("title") for i in want}, want)
    nodes = pd.read_csv(out / "csv" / "nodes.csv", dtype=str, keep_default_na=False)
    got = {r["Id"]: r["title"] for r in nodes.to_dict("records") if r["Id"] in want}
    check("hostile csv/pandas: titles", got, want)
    g = nx.cytoscape_graph(json.loads((out / "graph.cyjs").read_text(encoding="utf-8")))
    exact = {i: ref.nodes[i]["title"] for i in titled}
    check("hostile cytoscape/networkx: titles", {i: g.nodes[i].get("title") for i in exact}, exact)


def hostile_graph() -> dict:
    """A node-link graph whose ids, labels and titles hold everything that breaks a writer."""
    ids = [
        'A/RES/"1" & <2>\n\'x\'\t\x00\x07\u202eעברית\u200f',
        "n0",
        " S/RES/1,2;3 ]]> --> {x} (y) *Arcs\r\n",
        "S/RES/1325(2000)",
    ]
    title = (
        'Title "quoted", \'single\' & <b>bold</b> ]]> \r\nCRLF\nLF \x1b[31m \ufeffbom \x85nel '
        "\u202bالعربية\u202c 中文 🕊 \\ back"
    )

    def node(i, id_, date, label, body="GA", title=None):
        return {
            "id": id_, "type": "resolution", "body": body, "date": date,
            "date_source": "document" if date else None, "cited_dates": [date] if date else [],
            "date_conflict": False, "label": label, "url": "https://undocs.org/" + id_,
            "title": title, "in_corpus": date is not None, "sources": [f"dir, {i}/a;b \"c\".txt"],
        }  # fmt: skip

    nodes = [
        node(0, ids[0], "2003-04-05", '43/78 "H"\n<b>', body='GA&<>"', title=title),
        node(1, ids[1], "2001-01-01", "  spaced   label ", title=" \u202eRTL override\t"),
        node(2, ids[2], None, "1,2;3"),
        node(3, ids[3], "2000-10-31", "1325 (2000)", body="SC", title="Women & peace <and> security"),
    ]

    def edge(s, t, w):
        m = {"file": "x.txt", "start": 1, "end": 2, "text": "res", "date": None,
             "clause": {"part": "operative", "paragraph": 1, "verb": None}}  # fmt: skip
        return {"source": ids[s], "target": ids[t], "weight": w, "mentions": [m] * w}

    edges = [edge(0, 1, 3), edge(0, 2, 1), edge(1, 2, 1), edge(0, 3, 2), edge(1, 3, 1)]
    meta = {"name": "resgraph", "format": 1, "documents": 2, "warnings": ['<w> & "x"']}
    return {"directed": True, "multigraph": False, "graph": meta, "nodes": nodes, "edges": edges}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", required=True, help="the resgraph binary")
    ap.add_argument("--graph", required=True, type=Path, help="node-link JSON from resgraph build")
    ap.add_argument("--out", type=Path, help="folder for the exports (a temporary one if absent)")
    ap.add_argument("--require-r", action="store_true", help="fail when Rscript is missing")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        (out / "corpus").mkdir(parents=True, exist_ok=True)
        check_all(args.bin, args.graph, out / "corpus", "corpus", False, args.require_r)
        hostile_dir = out / "hostile"
        hostile_dir.mkdir(parents=True, exist_ok=True)
        hostile_json = hostile_dir / "hostile.json"
        hostile_json.write_text(json.dumps(hostile_graph(), ensure_ascii=False, indent=1), "utf-8")
        check_all(args.bin, hostile_json, hostile_dir, "hostile", hostile=True)
    print(f"exports: {RESULTS['passed']} passed, {RESULTS['failed']} failed")
    return 1 if RESULTS["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
