package org.sga.core.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Closes the holes that removed stop words leave, so "threatening to share" in the synonym list and
 * "threatening to share" in a question both become the two adjacent words the synonym graph can match.
 */
final class CloseGapsFilter extends TokenFilter {

    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

    CloseGapsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (increment.getPositionIncrement() > 1) {
            increment.setPositionIncrement(1);
        }
        return true;
    }
}
