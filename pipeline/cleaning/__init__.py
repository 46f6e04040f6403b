"""Boilerplate cleaning and metadata: every block of a document labelled with a role and a reason.

Plain Python, no Dagster. The pipeline calls ``block_keys`` over a source to count repeated lines, then
``clean_document`` per document with those counts bucketed by ``repeat_bucket``, near-copies of a page counted
once (``fingerprints``, ``nearcopies``); ``candidates_for`` parses a page once for all of them.

How a document is cleaned:

1. candidates (``candidates``, ``html``): one block per line of a text scrape, or per block element of an HTML
   page in reading order, with its markup (tag path roles, link density, article container, ``<time>``);
   hard-wrapped lines are judged as one paragraph (``wrapping``);
2. scoring (``features``, ``rules``, ``scoring``): length, stop-word density, sentence shape, line rules kept as
   data in ``rules/*.yaml``, cross-page repetition and markup give each block a class and a weight;
3. the article span (``span``): the maximum-sum run of blocks, ended by comment or related sections, trailing
   teaser lists and the page's legal footer;
4. passes (``classify``, ``header``, ``gallery``, ``boxes``): head (headline, byline, section, datelines, standfirst),
   article (body, captions, numbered picture galleries, inline links) and tail (comments, related, footer) roles,
   each with a reason;
5. the ensemble (``ensemble``, HTML only): on a page our labelling doubts (a short body beside article-like text,
   prose or article-container text left out, many short lines, or a body ending in blocks unlike its paragraphs),
   trafilatura's article is mapped onto the blocks and merged block by block, each change with its reason;
   trafilatura also relabels a page where no article is found (``fallback``); a second copy of the article's
   paragraphs on the same page (an endless scroll repeating the story) leaves the body (``duplicates``);
6. metadata and comments (``metadata``, ``comments``, ``language``, ``dates``); for HTML, JSON-LD,
   Open Graph and meta tags first, then our own datelines, then htmldate.
"""
from .api import Parsed, block_keys, candidates_for, clean_document, fingerprints
from .model import ROLES, Block, CleanedDocument, Comment
from .repetition import repeat_bucket

__all__ = ["ROLES", "Block", "CleanedDocument", "Comment", "Parsed", "block_keys", "candidates_for", "clean_document",
           "fingerprints", "repeat_bucket"]
