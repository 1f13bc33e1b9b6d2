"""``python -m potential``: the same command line as the ``potential`` script."""

from potential.cli import main

if __name__ == "__main__":
    main()
