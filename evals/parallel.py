"""In-process runs on several cores: the cases are dealt out to worker processes, each with its own assistant and
SQLite database (one writer per database), sharing the data folder the setup hooks prepared once.

Workers are spawned (never forked from a running event loop); each writes its per-case JSON as it goes, which is
also how the parent's progress bar advances.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tqdm import tqdm

from evals.cases import Suite, load_suite_file
from evals.healthbench import judge_client
from evals.runner import CaseRecord, RunOptions, prepared_work_dir, run_case, write_case
from evals.targets import open_in_process

PROGRESS_POLL_S = 0.5

# (suite name, suite file, case id)
ShardItem = tuple[str, str, str]


async def _run_shard(options: RunOptions, work_dir: Path, data_dir: Path, shard: list[ShardItem]) -> list[str]:
    suites: dict[str, Suite] = {}
    for name, path, _ in shard:
        if name not in suites:
            suites[name] = load_suite_file(Path(path))
    judge = judge_client(options.judge_model, options.judge_api_base, options.judge_api_key) \
        if options.judge_model else None
    records: list[str] = []
    out_dir = options.out_dir
    assert out_dir is not None  # the parent always sets it
    work_dir.mkdir(parents=True, exist_ok=True)
    async with open_in_process(options.model, work_dir, data_dir) as target:
        for name, _, case_id in shard:
            suite = suites[name]
            case = next(c for c in suite.cases if c.id == case_id)
            record = await run_case(target, suite, case, options, judge)
            write_case(out_dir, record)
            records.append(record.model_dump_json())
    return records


def run_shard(options_json: str, work_dir: str, data_dir: str, shard: list[ShardItem]) -> list[str]:
    """A worker process: run its cases one after another; records come back as JSON."""
    options = RunOptions.model_validate_json(options_json)
    return asyncio.run(_run_shard(options, Path(work_dir), Path(data_dir), shard))


def deal(suites: list[Suite], workers: int) -> list[list[ShardItem]]:
    """Cases dealt round-robin over the suites' combined order, so each worker gets a mix of long and short."""
    items = [(s.name, str(s.path), c.id) for s in suites for c in s.cases]
    return [items[i::workers] for i in range(workers) if items[i::workers]]


async def run_in_processes(
    options: RunOptions, suites: list[Suite], out_dir: Path, warnings: list[str], bar: tqdm, workers: int,  # type: ignore[type-arg]
) -> tuple[list[CaseRecord], str]:
    shards = deal(suites, workers)
    options_json = options.model_copy(update={"out_dir": out_dir}).model_dump_json()
    loop = asyncio.get_running_loop()
    cases_dir = out_dir / "cases"
    async with prepared_work_dir(suites, warnings) as (work_dir, data_dir):
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=len(shards), mp_context=context) as pool:
            futures = [
                loop.run_in_executor(pool, run_shard, options_json, str(work_dir / f"worker-{i}"), str(data_dir), shard)
                for i, shard in enumerate(shards)
            ]
            pending = set(futures)
            while pending:
                _, pending = await asyncio.wait(pending, timeout=PROGRESS_POLL_S)
                written = sum(1 for _ in cases_dir.glob("*/*.json")) if cases_dir.is_dir() else 0
                bar.update(max(0, min(bar.total, written) - bar.n))
            records: list[CaseRecord] = []
            for future, shard in zip(futures, shards, strict=True):
                error = future.exception()
                if error is not None:
                    # A worker that died (the assistant failed to start): its cases are errors, not a crash.
                    records += [_failed(item, error) for item in shard]
                    continue
                records += [CaseRecord.model_validate_json(r) for r in future.result()]
    return records, f"in-process (model {options.model}, {len(shards)} worker processes)"


def _failed(item: ShardItem, error: BaseException) -> CaseRecord:
    record = CaseRecord(suite=item[0], case_id=item[2], passed=False)
    record.error = record.transcript.error = f"worker failed: {type(error).__name__}: {error}"
    return record
