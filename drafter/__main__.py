"""`python -m drafter`: the same as the `drafter` command."""

from drafter.cli import main

if __name__ == "__main__":  # not when a worker process (drafter serve) imports it again
    main()
