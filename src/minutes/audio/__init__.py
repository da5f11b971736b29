"""Audio in and out: decoding files, crash-safe capture, levels and recovery of unfinished recordings."""
