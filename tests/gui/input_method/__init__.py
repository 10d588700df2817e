"""Typing through a real input method (fcitx5 pinyin) under Xvfb: see test_input_method.py."""
