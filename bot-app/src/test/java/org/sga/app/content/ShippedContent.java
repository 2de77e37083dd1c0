package org.sga.app.content;

import org.sga.app.settings.BuildFolderSettings;

/** The shipped content for tests, its embedding cache in the build folder, shared by every test run. */
public final class ShippedContent {

    public static final ContentSource SOURCE = ContentSource.shipped(BuildFolderSettings.DATA);

    private ShippedContent() {
    }
}
