"""What `nianbao` returns: 0 done, 1 the check found errors, 2 the command could not be done."""

EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2
