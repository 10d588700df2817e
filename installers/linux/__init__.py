"""Linux packaging: the 统信UOS /opt/apps layout and the .deb built from it."""
