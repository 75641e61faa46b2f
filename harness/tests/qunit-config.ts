import QUnit from "qunit";

QUnit.config.autostart = false;
QUnit.config.reorder = false;
QUnit.config.testTimeout = 15000;
