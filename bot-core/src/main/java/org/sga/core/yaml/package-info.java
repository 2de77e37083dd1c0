/** Reading YAML settings as plain text trees whose errors name the key path. */
package org.sga.core.yaml;
