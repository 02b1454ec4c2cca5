# DeLong reference values from pROC 1.18.0 for scripts/vectors/model_quality.py (which calls this script; not
# meant to be run alone). Usage: Rscript model_quality_delong.R WORKDIR SINGLES PAIRED
#
# Reads WORKDIR/single_<i>.csv (score,label), unpaired.csv (index,reference,current: single indices) and
# paired_<i>.csv (label,a,b); writes single_out.csv, unpaired_out.csv and paired_out.csv with 17 significant digits.
# Doubles arrive in C99 hex notation, which R parses exactly. direction = "<" and levels 0/1 fix the orientation
# (a higher score means the positive class), as driftwatch and scikit-learn use it.
suppressMessages(library(pROC))
stopifnot(as.character(packageVersion("pROC")) == "1.18.0")

args <- commandArgs(trailingOnly = TRUE)
workdir <- args[1]
singles <- as.integer(args[2])
paireds <- as.integer(args[3])
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

read_sample <- function(path) {
  d <- read.csv(path, colClasses = "character")
  d[] <- lapply(d, as.numeric)
  d
}

curve <- function(labels, scores) {
  roc(labels, scores, levels = c(0, 1), direction = "<", quiet = TRUE)
}

rocs <- vector("list", singles)
single_rows <- character(singles)
for (i in seq_len(singles)) {
  d <- read_sample(file.path(workdir, sprintf("single_%d.csv", i - 1)))
  if (length(unique(d$label)) < 2) {
    single_rows[i] <- "NA,NA,NA,NA"
    next
  }
  r <- curve(d$label, d$score)
  rocs[[i]] <- r
  v <- var(r, method = "delong")
  ci <- as.numeric(ci.auc(r, conf.level = 0.95, method = "delong"))
  if (length(r$cases) < 2 || length(r$controls) < 2) ci <- c(NA, NA, NA)
  single_rows[i] <- paste(fmt(as.numeric(auc(r))), fmt(v), fmt(ci[1]), fmt(ci[3]), sep = ",")
}
writeLines(c("auc,var,lo,hi", single_rows), file.path(workdir, "single_out.csv"))

# Unpaired: independent samples (two snapshots); the drop's variance is the sum of the two DeLong variances.
pairs <- read.csv(file.path(workdir, "unpaired.csv"))
unpaired_rows <- character(nrow(pairs))
for (k in seq_len(nrow(pairs))) {
  reference <- rocs[[pairs$reference[k] + 1]]
  current <- rocs[[pairs$current[k] + 1]]
  drop <- as.numeric(auc(reference)) - as.numeric(auc(current))
  v <- var(reference, method = "delong") + var(current, method = "delong")
  z95 <- qnorm(0.975)
  z90 <- qnorm(0.95)
  unpaired_rows[k] <- paste(
    fmt(drop), fmt(v), fmt(drop - z95 * sqrt(v)), fmt(drop + z95 * sqrt(v)),
    fmt(drop - z90 * sqrt(v)), fmt(drop + z90 * sqrt(v)),
    sep = ","
  )
}
writeLines(c("drop,var,lo,hi,lo90,hi90", unpaired_rows), file.path(workdir, "unpaired_out.csv"))

# Paired: two scores of the same rows; roc.test's DeLong interval of auc(candidate) - auc(baseline).
paired_rows <- character(paireds)
for (i in seq_len(paireds)) {
  d <- read_sample(file.path(workdir, sprintf("paired_%d.csv", i - 1)))
  baseline <- curve(d$label, d$a)
  candidate <- curve(d$label, d$b)
  t95 <- roc.test(candidate, baseline, method = "delong", paired = TRUE, conf.level = 0.95)
  t90 <- roc.test(candidate, baseline, method = "delong", paired = TRUE, conf.level = 0.90)
  paired_rows[i] <- paste(
    fmt(as.numeric(auc(baseline))), fmt(as.numeric(auc(candidate))),
    fmt(as.numeric(auc(candidate)) - as.numeric(auc(baseline))), fmt(t95$p.value),
    fmt(t95$conf.int[1]), fmt(t95$conf.int[2]), fmt(t90$conf.int[1]), fmt(t90$conf.int[2]),
    sep = ","
  )
}
writeLines(c("auc_a,auc_b,gain,p,lo,hi,lo90,hi90", paired_rows), file.path(workdir, "paired_out.csv"))
