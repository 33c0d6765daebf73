"""Developer tools: the loopback stand-in for the cloud service."""
