"""``python -m danvan_nlp`` runs the ``danvan`` command."""

import sys

from danvan_nlp.cli import main

sys.exit(main())
