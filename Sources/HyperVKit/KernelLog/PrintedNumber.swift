/// A number as `printk` printed it, before it is fitted back into the register it came from.
///
/// The kernel prints register words with `0x%x`/`%#x` (never negative) and host-build fields with
/// `%d`, which prints a word whose bit 31 is set as a negative number (reference §1.3). Fitting a
/// printed number into a field of `width` bits undoes that: a negative value is read as its
/// two's complement within the field, and anything that cannot have come from such a field is
/// refused (`nil`), so a corrupt line never becomes a made-up register value.
struct PrintedNumber: Sendable, Equatable {
    var isNegative: Bool
    /// `nil` when the digits do not fit in 64 bits.
    var magnitude: UInt64?
    /// The digits as printed, for diagnostics.
    var text: String

    /// The value of a `0x%x`/`%#x` word, or `nil` when it does not fit in 32 bits.
    var unsigned32: UInt32? {
        guard let value = fitted(width: 32, allowsNegative: false) else { return nil }
        return UInt32(value)
    }

    /// The field's bits, or `nil` when the printed value cannot come from a `width`-bit field.
    ///
    /// - Parameter allowsNegative: whether `%d` could print this field negative, i.e. whether the
    ///   kernel printed a signed quantity whose top bit is the field's top bit (a whole `int`
    ///   register, or an arithmetic `>>` of one). A masked field (`x & 0xFFFF`) never prints
    ///   negative, so a negative value there is corrupt.
    func fitted(width: Int, allowsNegative: Bool) -> UInt64? {
        guard let magnitude, width > 0, width <= 32 else { return nil }
        let fieldMax = (UInt64(1) << width) - 1
        if !isNegative { return magnitude <= fieldMax ? magnitude : nil }
        guard allowsNegative else { return magnitude == 0 ? 0 : nil }
        let lowest = UInt64(1) << (width - 1)
        guard magnitude <= lowest else { return nil }
        return (fieldMax + 1 - magnitude) & fieldMax
    }
}
