# drafter's web form and HTTP API (`drafter serve`) in a container:
#   docker build -t drafter-press .
#   docker run --rm -p 127.0.0.1:8000:8000 drafter-press
# then open http://localhost:8000/. The server answers only to the Host names localhost,
# 127.0.0.1 and [::1] on port 8000, so publish it on that same port (a reverse proxy in
# front of it should pass Host: localhost:8000). Release files to start the form with can
# be mounted: -v "$PWD/releases:/releases:ro" ... drafter serve /releases/round.yaml --host 0.0.0.0
FROM python:3.11-slim

# The Pango library WeasyPrint lays the PDF out with (drafter brings its own fonts).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY drafter ./drafter
COPY templates ./templates
RUN pip install --no-cache-dir ".[web]" && rm -rf /src

RUN useradd --create-home --uid 10001 drafter
USER drafter
WORKDIR /home/drafter
ENV PYTHONUNBUFFERED=1
EXPOSE 8000
CMD ["drafter", "serve", "--host", "0.0.0.0", "--port", "8000"]
