"""Speech recognition: the model registry, the batch pipeline and the live transcriber."""
