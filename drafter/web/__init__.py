"""`drafter serve`: the press officers' web form and the HTTP API over the same renderers.

`drafter.web.app.create_app` builds the ASGI application; `drafter.web.app.serve` runs it
with uvicorn. Needs the `web` extra (`pip install "drafter-press[web]"`).
"""
