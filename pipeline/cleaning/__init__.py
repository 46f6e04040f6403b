"""Boilerplate cleaning and metadata: every block of a document labelled with a role and a reason.

Plain Python, no Dagster. The pipeline calls ``block_keys`` over a source to count repeated lines, then
``clean_document`` per document with those counts bucketed by ``repeat_bucket``.
"""
from .api import block_keys, clean_document
from .model import ROLES, Block, CleanedDocument, Comment
from .repetition import repeat_bucket

__all__ = ["ROLES", "Block", "CleanedDocument", "Comment", "block_keys", "clean_document", "repeat_bucket"]
