"""Imported once by the worker pool's forkserver (``workers.PRELOAD``): the extractors' modules, models and rules
load there before any worker is forked from it, so each worker starts with them (shared copy-on-write) instead of
loading them again on its first document (about 1.7 s of CPU a worker)."""
from .batches import warm_up

warm_up()
