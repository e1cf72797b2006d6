"""Parallel corpora in, batches of ids out.

``sources`` reads a hub id, a local dataset folder or plain parallel files through
Hugging Face ``datasets``; ``cache`` tokenizes a corpus once into memory-mapped ids
(``corpus``) reused by later runs; ``stream`` reads corpora too large to cache;
``batching`` groups sentences by length into token-budget batches (one function for
training and translation).
"""
