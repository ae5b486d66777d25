"""``python -m termalign``: the same as the ``termalign`` command."""

from termalign.cli import main

if __name__ == "__main__":
    main()
