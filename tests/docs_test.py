#!/usr/bin/python3
"""The README and docs/ as a reader meets them:
  - every relative link in README.md and docs/*.md resolves: the file or
    directory exists, and a #fragment names a heading of the page it points to
    (GitHub's anchors: lower case, punctuation dropped, spaces as hyphens);
  - the example outputs are the approved files the tests compare with what
    the binaries print: the README's gated run is
    tests/data/approved/gate_run/console.txt (run_gated_console_test), its
    quoted Markdown diff_command/diff.md and benchgate-ab's closing report
    ab_command/ab.txt (diff_command_test, ab_command_test); docs/tools.md's
    text table of benchgate-diff is diff_command/diff.txt.

usage: docs_test.py SOURCE_DIR
"""
import glob
import os
import re
import sys


def headings(path):
    slugs, fence = set(), False
    for line in open(path, encoding="utf-8"):
        if line.lstrip().startswith("```"):
            fence = not fence
        match = None if fence else re.match(r"^#{1,6} (.*)$", line.rstrip("\n"))
        if match:
            slug = re.sub(r"[^\w\- ]", "", match[1].strip().lower()).replace(" ", "-")
            slugs.add(slug)
    return slugs


def links(path):
    text, fence, out = [], False, []
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        if line.lstrip().startswith("```"):
            fence = not fence
            continue
        if not fence:
            out += [(number, target) for target in re.findall(r"\]\(([^)\s]+)\)", line)]
    return out


def main():
    root = sys.argv[1]
    pages = [os.path.join(root, "README.md")] + sorted(glob.glob(os.path.join(root, "docs", "*.md")))
    problems = []
    for page in pages:
        for number, target in links(page):
            if re.match(r"^[a-z]+:", target):
                continue  # http:, https:, mailto:
            path, _, fragment = target.partition("#")
            resolved = os.path.normpath(os.path.join(os.path.dirname(page), path)) if path else page
            where = f"{os.path.relpath(page, root)}:{number}"
            if not os.path.exists(resolved):
                problems.append(f"{where}: link to {target}: no such file")
            elif fragment and resolved.endswith(".md") and fragment not in headings(resolved):
                problems.append(f"{where}: link to {target}: no heading '{fragment}' there")
    readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
    approved = os.path.join(root, "tests", "data", "approved", "diff_command")
    tools = open(os.path.join(root, "docs", "tools.md"), encoding="utf-8").read()
    text = open(os.path.join(approved, "diff.txt"), encoding="utf-8").read().rstrip("\n")
    if "```text\n" + text + "\n```" not in tools:
        problems.append("docs/tools.md: the text example is not tests/data/approved/diff_command/diff.txt")
    console = open(os.path.join(root, "tests", "data", "approved", "gate_run", "console.txt"),
                   encoding="utf-8").read().rstrip("\n")
    if "```text\n" + console + "\n```" not in readme:
        problems.append("README.md: the gated run's console is not tests/data/approved/gate_run/console.txt")
    markdown = open(os.path.join(approved, "diff.md"), encoding="utf-8").read().rstrip("\n")
    quoted = "\n".join(("> " + line).rstrip() for line in markdown.split("\n"))
    if quoted not in readme:
        problems.append("README.md: the Markdown example is not tests/data/approved/diff_command/diff.md")
    ab = open(os.path.join(root, "tests", "data", "approved", "ab_command", "ab.txt"),
              encoding="utf-8").read().rstrip("\n")
    if "```text\n" + ab + "\n```" not in readme:
        problems.append("README.md: benchgate-ab's example is not tests/data/approved/ab_command/ab.txt")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(pages)} pages checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
