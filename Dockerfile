# NoticeGraph image for docker-compose.yml: the `noticegraph` command (loader) and the
# dashboard. No secrets: the Neo4j connection comes from the environment at run time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false \
    NOTICEGRAPH_UPLOADS=/srv/uploads

RUN useradd --create-home --uid 10001 --user-group noticegraph \
    && mkdir -p /srv/uploads && chown noticegraph:noticegraph /srv/uploads
WORKDIR /app

# The project: its metadata, then each package directory named in pyproject.toml's package-dir.
COPY pyproject.toml README.md ./
COPY noticegraph ./noticegraph
COPY loaders ./loaders
COPY graph ./graph
COPY queries ./queries
COPY dashboard ./dashboard
RUN pip install . && rm -rf build ./*.egg-info

# The bundled sample notices the loader service loads.
COPY data/samples ./data/samples

USER noticegraph
EXPOSE 8501
CMD ["noticegraph", "dashboard", "--host", "0.0.0.0", "--port", "8501"]
