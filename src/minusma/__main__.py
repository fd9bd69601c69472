"""``python -m minusma`` runs the same command line as the ``minusma`` script."""

from minusma.entry import main

main()
