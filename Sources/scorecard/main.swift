// The command layer only: parse arguments, run the command, map failures to exit statuses.
ScorecardCommand.runAndExit()
