package org.yrd.platform.techtransfer.match;

import java.time.Instant;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.TransferMode;

/**
 * The deal a match ended in. Stored inside the match, so closing it is one document write with its DealClosed.
 * {@code region} and {@code provinceCode} are the requester's (where the technology goes), for statistics.
 */
public record Deal(String dealId, TransferMode mode, MoneyAmount value, Instant signedAt, Instant closedAt,
                   String region, String provinceCode) {
}
