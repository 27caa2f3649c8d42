FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 ASSISTANT_HOST=0.0.0.0 ASSISTANT_DATA_DIR=/data
COPY pyproject.toml README.md ./
COPY assistant ./assistant
COPY tools ./tools
COPY prompts ./prompts
COPY guardrails ./guardrails
COPY evals ./evals
COPY corpora ./corpora
RUN pip install --no-cache-dir . && useradd --create-home app && mkdir -p /data && chown app /data
USER app
EXPOSE 8000
CMD ["assistant", "serve"]
