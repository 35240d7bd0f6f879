# Loads resgraph's GraphML, CSV and Pajek exports in R (igraph, readr), the lines
# docs/analysis-tools.md gives, and checks them against resgraph's numbers.
#
#   Rscript scripts/check_exports.R DIR NODES EDGES ID TYPE BODY DATE LABEL SOURCE TARGET WEIGHT
#
# DIR holds graph.graphml, graph.net and csv/{nodes,edges}.csv; NODES and EDGES are the counts,
# ID ... LABEL one node's attributes (DATE empty when the node has none), SOURCE TARGET WEIGHT one
# edge. scripts/check_exports.py calls it. Prints one line per check; exits 1 when one fails.

suppressPackageStartupMessages({
  library(igraph)
  library(readr)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 11) stop("usage: check_exports.R DIR NODES EDGES ID TYPE BODY DATE LABEL SOURCE TARGET WEIGHT")
dir <- args[1]
want <- list(nodes = as.integer(args[2]), edges = as.integer(args[3]))
node <- list(name = args[4], type = args[5], body = args[6], date = args[7], label = args[8])
edge <- list(source = args[9], target = args[10], weight = as.numeric(args[11]))
failed <- 0

check <- function(what, got, expected) {
  ok <- isTRUE(all.equal(got, expected, check.attributes = FALSE))
  if (ok) {
    cat("ok  ", what, "\n")
  } else {
    cat("FAIL", what, ": got", format(got), "want", format(expected), "\n")
    failed <<- failed + 1
  }
}

text <- function(x) ifelse(is.na(x), "", as.character(x))

check_graph <- function(client, g, attrs = TRUE) {
  check(paste(client, "directed"), is_directed(g), TRUE)
  check(paste(client, "node count"), vcount(g), want$nodes)
  check(paste(client, "edge count"), ecount(g), want$edges)
  v <- V(g)[name == node$name]
  check(paste(client, "node", node$name, "found"), length(v), 1L)
  if (attrs && length(v) == 1) {
    got <- sapply(c("name", "type", "body", "date", "label"), function(a) text(vertex_attr(g, a, v)))
    check(paste(client, "node", node$name, "name/type/body/date/label"), unname(got), unname(unlist(node)))
  }
  e <- E(g)[.from(edge$source) & .to(edge$target)]
  if (length(e) == 1) {
    check(paste(client, "weight of", edge$source, "->", edge$target), as.numeric(e$weight), edge$weight)
  } else {
    check(paste(client, "edge", edge$source, "->", edge$target, "found"), length(e), 1L)
  }
}

# GraphML: the ids are the vertex names.
check_graph("R graphml/igraph:", read_graph(file.path(dir, "graph.graphml"), format = "graphml"))

# CSV: readr tables, then an igraph graph from them (Id, Source and Target become the names).
# Lists (`a;b`) stay text; readr would guess a column of single dates to be dates.
nodes <- read_csv(file.path(dir, "csv", "nodes.csv"), col_types = cols(cited_dates = "c", sources = "c"))
edges <- read_csv(file.path(dir, "csv", "edges.csv"), col_types = cols(cited_dates = "c", parts = "c"))
check("R csv/readr: no parsing problems", nrow(problems(nodes)) + nrow(problems(edges)), 0L)
check("R csv/readr: Weight is numeric", is.numeric(edges$Weight), TRUE)
check("R csv/readr: date is a Date", inherits(nodes$date, "Date"), TRUE)
# igraph keeps no Date class: dates go in as text.
nodes$date <- as.character(nodes$date)
edges$date <- as.character(edges$date)
g <- graph_from_data_frame(edges, vertices = nodes, directed = TRUE)
V(g)$label <- V(g)$Label
E(g)$weight <- E(g)$Weight
check_graph("R csv/igraph:", g)

# Pajek: ids and weights only.
p <- read_graph(file.path(dir, "graph.net"), format = "pajek")
V(p)$name <- V(p)$id
check_graph("R pajek/igraph:", p, attrs = FALSE)

quit(status = if (failed > 0) 1 else 0)
