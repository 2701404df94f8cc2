"""Stories: which copies are the same story, a new version of one, or a brief of one."""
