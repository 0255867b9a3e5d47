"""The evaluation's report: a line per kind of answer, the findings, and the figures as JSON."""
import json


def summary_lines(scores):
    """One line per kind: precision, recall, F1, and the counts behind them."""
    lines = [f"pages {scores.pages}"]
    for kind, tally in scores.tallies.items():
        extra = ""
        if kind == "articles":
            extra = f"  spurious {scores.spurious}"
        lines.append(
            f"{kind:<22} P {tally.precision:6.1%}  R {tally.recall:6.1%}  F1 {tally.f1:6.1%}"
            f"  ({tally.right} right / {tally.produced} produced / {tally.gold} gold){extra}"
        )
    lines.append(f"{'city figures given to zone':<22} {scores.city_given}")
    coverage = scores.coverage_dict()
    dimensions = "  ".join(f"{dim} {share:.1%}" for dim, share in coverage["by_dimension"].items())
    lines.append(f"{'indicator coverage':<22} {coverage['mapped']:.1%} of {coverage['figures']} zone figures: {dimensions}")
    return lines


def report_lines(scores):
    """The summary, every miss and false hit, and the figures as one JSON object last."""
    return [*summary_lines(scores), *scores.findings, json.dumps(scores.as_dict(), ensure_ascii=False, sort_keys=True)]
