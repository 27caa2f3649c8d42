"""Eval suites, scorers, the runner, rubric grading and the release gate (see evals/README.md).

Entry points: `python -m evals run | compare | list`, or `evals.runner.run_evals(RunOptions(...))`.
Nothing heavy is imported here: the assistant is imported only when an in-process run starts.
"""
