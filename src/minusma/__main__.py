"""``python -m minusma`` runs the same command line as the ``minusma`` script."""

from minusma.cli import main

main()
