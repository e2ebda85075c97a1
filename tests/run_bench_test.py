#!/usr/bin/python3
"""The README's main job, tools/run-bench.sh, run twice as a newcomer runs it:
  - the first run gates the suite, records the history and says what it
    recorded and how to compare;
  - the second judges every benchmark against the first (the previous
    results as the baseline), prints the verdict table, records the run in
    the history and names the HTML report, which exists and shows the
    benchmarks; both exit 0 on an unchanged binary;
  - a bad flag stops it with the binary's one-line error and exit 2, and it
    claims nothing recorded or judged.

The suite is the ab_fixture_cand binary (linked with benchgate::main; its
times are manual and the same in every process, so the verdicts do not
depend on this machine's load; the speed probe, which is timed, is
off), installed as BUILD/bin/benchgate_fixture_bench
beside benchgate-diff. Valgrind is hidden from PATH: the instructions half of
the job has its own tests (run_instructions_*), and says it is skipped.

usage: run_bench_test.py SOURCE_DIR FIXTURE_BINARY BENCHGATE_DIFF
"""
import json
import os
import subprocess
import sys
import tempfile


def path_without_valgrind(directory):
    """A PATH directory with every program of /usr/bin but valgrind."""
    os.mkdir(directory)
    for name in os.listdir("/usr/bin"):
        if not name.startswith("valgrind"):
            os.symlink(os.path.join("/usr/bin", name), os.path.join(directory, name))
    return directory


def run(script, build, env, *flags):
    done = subprocess.run(["bash", script, build, *flags], env=env, capture_output=True,
                          text=True, timeout=600)
    return done.returncode, done.stdout, done.stderr


def main():
    source, fixture, diff = sys.argv[1:4]
    problems = []

    def expect(condition, what, output=""):
        if not condition:
            problems.append(what + ("\n--- output:\n" + output if output else ""))

    with tempfile.TemporaryDirectory() as tmp:
        build = os.path.join(tmp, "build")
        os.makedirs(os.path.join(build, "bin"))
        os.symlink(fixture, os.path.join(build, "bin", "benchgate_fixture_bench"))
        os.symlink(diff, os.path.join(build, "bin", "benchgate-diff"))
        # No speed probe: its loop is timed for real, and a parallel ctest
        # moves it by 5% between the two runs, which makes the manual-time
        # verdicts "machine speed differs" (the probe has tests of its own).
        env = dict(os.environ, PATH=path_without_valgrind(os.path.join(tmp, "path")),
                   BENCHGATE_SPEED_PROBE="false")
        script = os.path.join(source, "tools", "run-bench.sh")
        results = os.path.join(build, "bench-results")
        name = "benchgate_fixture_bench"

        code, out, err = run(script, build, env)
        expect(code == 0, f"first run: exit {code}, expected 0", out + err)
        expect(f"== {name}: recorded {results}/{name}.json and {results}/history.json; "
               f"run tools/run-bench.sh {build} again to judge the next run against this one" in out,
               "first run: does not say what it recorded and how to compare", out)
        expect("gate pass" in out and "Verdict" not in out,
               "first run: a verdict table without a baseline", out)
        expect("instructions not counted: valgrind is not installed" in out,
               "first run: does not say the instructions were skipped", out)
        expect(not os.path.exists(os.path.join(results, name + ".html")),
               "first run: an HTML report with nothing compared")

        code, out, err = run(script, build, env)
        expect(code == 0, f"second run: exit {code}, expected 0", out + err)
        table = [line for line in out.splitlines() if line.startswith("BM_")]
        for benchmark in ("BM_Slowed", "BM_Steady"):
            expect(any(line.startswith(benchmark) and line.rstrip().endswith("unchanged")
                       for line in table),
                   f"second run: {benchmark} not judged unchanged against the first", out)
        expect("gate pass (0 regressions, 0 improvements, 2 unchanged" in out,
               "second run: the gate line does not count the comparisons", out)
        html = os.path.join(results, name + ".html")
        expect(f"== {name}: judged against the previous run; HTML report: {html}" in out,
               "second run: does not name the HTML report", out)
        if os.path.exists(html):
            page = open(html, encoding="utf-8").read()
            expect("BM_Slowed" in page and "unchanged" in page,
                   "the HTML report does not show the comparison")
        else:
            problems.append("second run: no HTML report at " + html)
        expect(os.path.exists(os.path.join(results, name + ".previous.json")),
               "second run: the previous results were not kept beside the new ones")
        history_file = os.path.join(results, "history.json")
        history = open(history_file, encoding="utf-8").read() if os.path.exists(history_file) else "{}"
        environments = json.loads(history).get("environments", {})
        runs = [len(env["benchmarks"].get("BM_Steady/iterations:20/manual_time", []))
                for env in environments.values()]
        expect(runs == [2], f"history: runs of BM_Steady per environment {runs}, expected [2]",
               history[:2000])

        # Bad input: the binary's one-line error, exit 2, and no claim that
        # anything was recorded or judged (the previous results stay).
        code, out, err = run(script, build, env, "--benchgate_alpha=abc")
        expect(code == 2, f"bad flag: exit {code}, expected 2", out + err)
        expect(err.count("benchgate: error: ") == 1 and "--benchgate_alpha" in err,
               "bad flag: not one error line naming the flag", err)
        expect("recorded" not in out and "judged against" not in out,
               "bad flag: reports a run that wrote nothing", out)

    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
