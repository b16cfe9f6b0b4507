FROM python:3.11-slim
WORKDIR /app
# The same locked versions as `make run` / `make test` (requirements.lock, hashes checked).
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install --no-cache-dir --no-deps --no-build-isolation .
COPY content ./content
COPY translations ./translations
ENV CONTENT_DIR=/app/content TRANSLATIONS_DIR=/app/translations
USER nobody
CMD ["lotse", "run"]
