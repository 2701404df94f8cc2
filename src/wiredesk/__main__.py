"""``python -m wiredesk`` runs the command line."""

from wiredesk.cli import main

main()
