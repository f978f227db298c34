using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ReferralNetwork.Hsds;

/// <summary>
/// Stable HSDS ids: the provider id XOR a mask of each kind ("service", "location:0", "language:es"), the mask being the
/// first 16 bytes of SHA-256 of the kind with the UUID version and variant bits cleared, so a version 7 provider id gives a
/// well-formed UUID. The same provider always gives the same id of a kind, different kinds give different ids, and the
/// mapping runs backwards (<see cref="ProviderOf"/>), so /hsds/services/{id} finds its provider without a lookup table.
/// A name-based UUID (v5) would be as stable but one-way. Ids are opaque to consumers; docs/hsds.md says so.
/// </summary>
public static class HsdsIds
{
    private static readonly ConcurrentDictionary<string, UInt128> Masks = new(StringComparer.Ordinal);

    // Version nibble (bits 76-79 in big-endian order) and variant bits (62-63) stay as the provider id has them.
    private static readonly UInt128 Kept = ((UInt128)0xF << 76) | ((UInt128)0b11 << 62);

    public static Guid For(string kind, Guid provider) => FromBits(Bits(provider) ^ Mask(kind));

    /// <summary>The provider an id of <paramref name="kind"/> was made from (only a lookup can tell whether it exists).</summary>
    public static Guid ProviderOf(string kind, Guid id) => For(kind, id);

    /// <summary>An id that belongs to no provider (taxonomies and their terms), from a fixed version 7 base.</summary>
    public static Guid Named(string kind) => For(kind, NoProvider);

    private static readonly Guid NoProvider = new("0193c5a0-0000-7000-8000-000000000000");

    public static Guid Service(Guid provider) => For("service", provider);
    public static Guid Organization(Guid provider) => For("organization", provider);

    /// <summary>The provider's <paramref name="index"/>-th practice address, or (null) its telehealth.</summary>
    public static Guid Location(Guid provider, int? index) => For($"location:{Place(index)}", provider);
    public static Guid ServiceAtLocation(Guid provider, int? index) => For(ServiceAtLocationKind(index), provider);

    public static string ServiceAtLocationKind(int? index) => $"service_at_location:{Place(index)}";
    public static Guid Address(Guid provider, int index) => For($"address:{index}", provider);

    private static string Place(int? index) => index?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "virtual";

    private static UInt128 Mask(string kind) => Masks.GetOrAdd(kind, k =>
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("hsds:" + k));
        return Bits(new Guid(hash.AsSpan(0, 16), bigEndian: true)) & ~Kept;
    });

    private static UInt128 Bits(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private static Guid FromBits(UInt128 bits)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, bits);
        return new Guid(bytes, bigEndian: true);
    }
}
