"""``nmt serve``: an HTTP API over the decoding stack.

``app`` (FastAPI: routes, limits, errors) hands requests to ``batcher`` (the queue
that turns requests into batches), whose ``workers`` (processes that own the models)
decode them. Needs the ``serve`` extra.
"""
