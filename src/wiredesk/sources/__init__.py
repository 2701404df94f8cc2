"""Sources: getting captures in. Only this stage talks to the file system and the network."""
