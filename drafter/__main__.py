"""`python -m drafter`: the same as the `drafter` command."""

from drafter.launch import main

main()
