"""``python -m publication``: see ``publication.cli``."""

import sys

from publication.cli import main

if __name__ == "__main__":
    sys.exit(main())
