"""The `assistant` command: serve, chat, users, db, ingest."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer

from assistant.settings import Settings

app = typer.Typer(help="Bilingual health assistant backend.", no_args_is_help=True, add_completion=False)
users_app = typer.Typer(help="Manage users and their tokens.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
app.add_typer(users_app, name="users")
app.add_typer(db_app, name="db")


def load_settings() -> Settings:
    try:
        return Settings()
    except Exception as exc:  # pydantic's message names the bad variable
        typer.echo(f"error: invalid settings: {exc}", err=True)
        raise typer.Exit(2) from None


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="bind address (ASSISTANT_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="port (ASSISTANT_PORT)")] = None,
    workers: Annotated[int, typer.Option(help="uvicorn worker processes")] = 1,
) -> None:
    """Run the HTTP API."""
    import uvicorn

    settings = load_settings()
    from assistant.logs import configure_logging
    from assistant.store.db import upgrade

    configure_logging()
    upgrade(settings)
    if workers > 1:
        uvicorn.run("assistant.api.main:app", host=host or settings.host, port=port or settings.port, workers=workers)
    else:
        from assistant.api.app import create_app

        uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port)


@app.command()
def chat(
    locale: Annotated[str | None, typer.Option(help="fix the language: zh or en")] = None,
) -> None:
    """Chat in the terminal (type 'quit' to leave)."""
    if locale not in (None, "zh", "en"):
        typer.echo("error: --locale must be zh or en", err=True)
        raise typer.Exit(2)
    asyncio.run(_chat(load_settings(), locale))


async def _chat(settings: Settings, locale: str | None) -> None:
    from assistant.service import Assistant, InputError

    async with Assistant.open(settings) as assistant:
        session_id = await assistant.create_session(locale=locale)
        typer.echo("健康助手 / Health assistant — type 'quit' to leave.\n")
        choices: list[tuple[str, str]] = []
        while True:
            try:
                line = input("> ").strip()
            except (EOFError, KeyboardInterrupt):
                typer.echo("")
                return
            if line.lower() in ("quit", "exit", "退出聊天"):
                return
            if not line:
                continue
            choice = None
            if choices:
                by_index = {str(i): cid for i, (cid, _) in enumerate(choices, 1)}
                ids = {cid for cid, _ in choices}
                if line in ids:
                    choice = line
                elif line in by_index:
                    choice = by_index[line]
            try:
                reply = await assistant.send(session_id, text=None if choice else line, choice=choice)
            except InputError as exc:
                typer.echo(f"({exc})")
                continue
            typer.echo("\n" + reply.text)
            choices = []
            if reply.question is not None:
                if reply.question.prompt and reply.question.prompt not in reply.text:
                    typer.echo(reply.question.prompt)
                choices = [(c.id, c.label) for c in reply.question.choices]
                for index, (_choice_id, label) in enumerate(choices, 1):
                    typer.echo(f"  {index}. {label}")
            if reply.triage and reply.triage.final:
                typer.echo(f"[triage: {reply.triage.level}]")
            typer.echo("")


@users_app.command("create")
def users_create(
    name: Annotated[str, typer.Option(help="display name")],
    role: Annotated[str, typer.Option(help="patient, clinician or admin")] = "patient",
) -> None:
    """Create a user and print their token (shown once)."""
    from assistant.store import crud
    from assistant.store.db import make_engine, session_scope, upgrade
    from assistant.store.models import ROLES, UserCreate

    if role not in ROLES:
        typer.echo(f"error: --role must be one of {', '.join(ROLES)}", err=True)
        raise typer.Exit(2)
    if not name.strip():
        typer.echo("error: --name must not be empty", err=True)
        raise typer.Exit(2)
    settings = load_settings()
    upgrade(settings)
    engine = make_engine(settings)
    with session_scope(engine) as db:
        user = crud.create_user(db, UserCreate(name=name.strip(), role=role))
        token = crud.issue_token(db, user, settings.secret_key)
        typer.echo(f"user {user.id} ({role}) created; token (shown once):")
        typer.echo(token)


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="target revision")] = "head") -> None:
    """Apply the schema migrations."""
    from assistant.store.db import upgrade

    settings = load_settings()
    try:
        upgrade(settings, revision)
    except Exception as exc:
        typer.echo(f"error: migration failed: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"database at {revision}")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="policy documents: .md, .txt, .html, .pdf")],
    doc_id: Annotated[str | None, typer.Option(help="document id (one file only); default from the file name")] = None,
) -> None:
    """Load insurance policy documents into the index (re-ingesting a document replaces it)."""
    try:
        from tools.insurance.ingest import ingest as ingest_documents
    except ImportError:
        typer.echo("error: the insurance capability is not installed", err=True)
        raise typer.Exit(1) from None
    settings = load_settings()
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        typer.echo(f"error: no such file: {', '.join(missing)}", err=True)
        raise typer.Exit(2)
    if doc_id and len(paths) > 1:
        typer.echo("error: --doc-id takes one file", err=True)
        raise typer.Exit(2)
    try:
        docs = ingest_documents(list(paths), settings.data_dir / "insurance", doc_id=doc_id)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    for doc in docs:
        typer.echo(f"ingested {getattr(doc, 'doc_id', doc)}: {getattr(doc, 'sections', '?')} sections")


def main() -> None:
    app(prog_name="assistant")


if __name__ == "__main__":
    main()
