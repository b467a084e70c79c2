#!/usr/bin/python3
"""Solve an MCLP instance written by SitingBenchmark with CBC through PuLP, for comparison with CP-SAT.

Run with Debian's Python and packages (apt-get install -y python3-pulp coinor-cbc):

    /usr/bin/python3 bench/siting/cbc_pulp.py bench/out/siting/mclp-500x5000-p20.txt --time-limit-s 60

Instance format: comment lines starting with '#', then "candidates demands p", then one line of integer weights, then
one line per candidate "k i_1 ... i_k" (the demand indices it covers).

Model (Church and ReVelle): x_j, y_i binary; y_i <= sum of x_j over the candidates covering i; sum x_j = p;
maximise sum w_i y_i. Demand points no candidate covers are left out (they cannot be covered).

PuLP 2.6 reports "Optimal" even when CBC stopped on its time limit, so the status, objective and best bound are read
from CBC's own log. Prints one JSON line.
"""
import argparse
import json
import os
import re
import sys
import tempfile
import time

import pulp


def read_instance(path):
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    n, m, p = (int(v) for v in lines[0].split())
    weights = [int(v) for v in lines[1].split()]
    if len(weights) != m:
        raise ValueError(f"{path}: {len(weights)} weights for {m} demand points")
    covers = []
    for j in range(n):
        values = [int(v) for v in lines[2 + j].split()]
        if values[0] != len(values) - 1:
            raise ValueError(f"{path}: candidate line {j} announces {values[0]} demand points")
        covers.append(values[1:])
    return n, m, p, weights, covers


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("instance")
    parser.add_argument("--time-limit-s", type=float, default=60)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--cbc", default="/usr/bin/cbc")
    parser.add_argument("--show-log", action="store_true", help="print CBC's log on standard error")
    args = parser.parse_args()

    t0 = time.time()
    n, m, p, weights, covers = read_instance(args.instance)
    covered_by = [[] for _ in range(m)]
    for j, rows in enumerate(covers):
        for i in rows:
            covered_by[i].append(j)

    model = pulp.LpProblem("mclp", pulp.LpMaximize)
    x = [pulp.LpVariable(f"x{j}", cat=pulp.LpBinary) for j in range(n)]
    y = {i: pulp.LpVariable(f"y{i}", cat=pulp.LpBinary) for i in range(m) if covered_by[i]}
    model += pulp.lpSum(weights[i] * y[i] for i in y)
    for i, yi in y.items():
        model += pulp.lpSum(x[j] for j in covered_by[i]) - yi >= 0
    model += pulp.lpSum(x) == p
    built = time.time() - t0

    log = tempfile.NamedTemporaryFile(prefix="cbc-", suffix=".log", delete=False)
    log.close()
    solver = pulp.COIN_CMD(
        path=args.cbc, msg=False, timeLimit=args.time_limit_s, threads=args.threads, logPath=log.name
    )
    t1 = time.time()
    model.solve(solver)
    solve_seconds = time.time() - t1
    with open(log.name, encoding="utf-8", errors="replace") as f:
        text = f.read()
    os.unlink(log.name)
    if args.show_log:
        print(text, file=sys.stderr)

    stopped_on_time = bool(re.search(r"Result - Stopped on time", text))
    optimal = bool(re.search(r"Result - Optimal solution found", text))
    # PuLP 2.6 says "Optimal" even after a stop on time: sol_status tells 1 optimal, 2 integer feasible, 0 none
    has_solution = getattr(model, "sol_status", None) in (1, 2)
    chosen = [j for j in range(n) if (x[j].value() or 0) > 0.5] if has_solution else []
    chosen_set = set(chosen)
    covered = sum(weights[i] for i in range(m) if any(j in chosen_set for j in covered_by[i])) if has_solution else None
    bound = None
    # After a stop on time CBC prints "Upper bound: 168193.896" (CBC minimises the negated objective, so the sign may
    # be flipped); at proven optimality the bound is the objective; otherwise the last "best possible" of its log.
    match = re.search(r"(?:Upper|Lower) bound:\s*(-?[0-9.eE+]+)", text)
    possible = re.findall(r"best possible (-?[0-9.eE+]+)", text)
    if optimal and covered is not None:
        bound = covered
    elif match:
        bound = abs(float(match.group(1)))
    elif possible:
        bound = abs(float(possible[-1]))
    result = {
        "instance": args.instance,
        "solver": "cbc " + (re.search(r"Version: (\S+)", text).group(1) if re.search(r"Version: (\S+)", text) else "?"),
        "cbcStatus": "optimal" if optimal else ("stopped on time" if stopped_on_time else "unknown"),
        "pulpStatus": pulp.LpStatus[model.status],
        "pulpSolStatus": getattr(model, "sol_status", None),
        "objective": covered,
        "chosen": len(chosen),
        "bestBound": bound,
        "gapPercent": None if bound is None or not covered else 100 * (bound - covered) / covered,
        "buildSeconds": round(built, 2),
        "solveSeconds": round(solve_seconds, 2),
        "timeLimitSeconds": args.time_limit_s,
        "threads": args.threads,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
