"""The Qt user interface: a view of the workshop store plus workers that call the core."""
