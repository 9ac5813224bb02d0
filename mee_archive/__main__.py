"""`python -m mee_archive`: the same as the `mee-archive` command."""

import sys

from mee_archive.cli import main

sys.exit(main())
