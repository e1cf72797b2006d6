"""``python -m nmt`` runs the CLI, the same as the ``nmt`` console script."""

from nmt.cli import main

# Guarded: a process started with multiprocessing's "spawn" (nmt serve's decoder) imports
# this file again as __mp_main__ and must not run the CLI a second time.
if __name__ == "__main__":
    main()
