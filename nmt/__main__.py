"""``python -m nmt`` runs the CLI, the same as the ``nmt`` console script."""

from nmt.cli import main

main()
