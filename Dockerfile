FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install --no-cache-dir .
COPY content ./content
COPY translations ./translations
ENV CONTENT_DIR=/app/content TRANSLATIONS_DIR=/app/translations
USER nobody
CMD ["lotse", "run"]
