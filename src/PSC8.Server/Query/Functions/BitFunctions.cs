using System.Numerics;
using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>
/// BIT_AND … BIT_FROM_STRING. Operands are numbers from 0 to 2^32 - 1 (fractions are cut off), bit counts and
/// positions at most 32; anything else gives null with warning 1542.
/// </summary>
internal static class BitFunctions
{
    public const int MaxBits = 32;

    public static void Register(FunctionTable table)
    {
        AddCombination(table, "BIT_AND");
        AddCombination(table, "BIT_OR");
        AddCombination(table, "BIT_XOR");
        table.Add("BIT_NEGATE", 2, 2, (c, a) => TryValueAndBits(a, out var value, out var bits)
            ? Unsigned(~value & Mask(bits))
            : InvalidArgument(c, "BIT_NEGATE"));
        table.Add("BIT_TEST", 2, 2, (c, a) => TryValueAndBits(a, out var value, out var index) && index < MaxBits
            ? C8Value.From((value & (1UL << index)) != 0)
            : InvalidArgument(c, "BIT_TEST"));
        table.Add("BIT_SHIFT_LEFT", 3, 3, (c, a) => Shift(c, a, "BIT_SHIFT_LEFT", left: true));
        table.Add("BIT_SHIFT_RIGHT", 3, 3, (c, a) => Shift(c, a, "BIT_SHIFT_RIGHT", left: false));
        table.Add("BIT_POPCOUNT", 1, 1, (c, a) => TryOperand(a[0], out var value)
            ? Unsigned((ulong)BitOperations.PopCount(value))
            : InvalidArgument(c, "BIT_POPCOUNT"));
        table.Add("BIT_CONSTRUCT", 1, 1, Construct);
        table.Add("BIT_DECONSTRUCT", 1, 1, Deconstruct);
        table.Add("BIT_TO_STRING", 2, 2, ToBitString);
        table.Add("BIT_FROM_STRING", 1, 1, FromBitString);
    }

    /// <summary>A bit operand: a number from 0 to 2^32 - 1, its fraction cut off.</summary>
    public static bool TryOperand(C8Value argument, out ulong value)
    {
        var valid = TryUInt32(argument, out var operand);
        value = operand;
        return valid;
    }

    /// <summary>A bit operand followed by a bit count or position (0 to 32).</summary>
    private static bool TryValueAndBits(ReadOnlySpan<C8Value> arguments, out ulong value, out int bits)
    {
        bits = 0;
        if (!TryOperand(arguments[0], out value) || !TryOperand(arguments[1], out var count) || count > MaxBits)
        {
            return false;
        }
        bits = (int)count;
        return true;
    }

    public static ulong Combine(string function, ulong a, ulong b) => function switch
    {
        "BIT_AND" => a & b,
        "BIT_OR" => a | b,
        _ => a ^ b,
    };

    private static ulong Mask(int bits) => (1UL << bits) - 1;

    private static C8Value Unsigned(ulong value) => C8Value.From((long)value);

    /// <summary>BIT_AND(array) or BIT_AND(a, b), and the same for OR and XOR.</summary>
    private static void AddCombination(FunctionTable table, string name) =>
        table.Add(name, 1, 2, (context, a) =>
        {
            if (a.Length == 2)
            {
                return TryOperand(a[0], out var left) && TryOperand(a[1], out var right)
                    ? Unsigned(Combine(name, left, right))
                    : InvalidArgument(context, name);
            }
            if (!a[0].IsArray)
            {
                return InvalidArgument(context, name);
            }
            var aggregator = AggregateFunctions.Over(name, a[0].AsArray);
            return aggregator.Invalid ? InvalidArgument(context, name) : aggregator.Result();
        });

    private static C8Value Shift(QueryContext context, ReadOnlySpan<C8Value> arguments, string name, bool left)
    {
        if (!TryValueAndBits(arguments, out var value, out var shift)
            || !TryOperand(arguments[2], out var width) || width > MaxBits)
        {
            return InvalidArgument(context, name);
        }
        var shifted = left ? value << shift : value >> shift;
        return Unsigned(shifted & Mask((int)width));
    }

    private static C8Value Construct(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].IsArray)
        {
            return InvalidArgument(context, "BIT_CONSTRUCT");
        }
        ulong result = 0;
        foreach (var item in arguments[0].AsArray)
        {
            if (!TryOperand(item, out var position) || position >= MaxBits)
            {
                return InvalidArgument(context, "BIT_CONSTRUCT");
            }
            result |= 1UL << (int)position;
        }
        return Unsigned(result);
    }

    private static C8Value Deconstruct(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!TryOperand(arguments[0], out var value))
        {
            return InvalidArgument(context, "BIT_DECONSTRUCT");
        }
        var positions = new List<C8Value>();
        for (var i = 0; i < MaxBits; i++)
        {
            if ((value & (1UL << i)) != 0)
            {
                positions.Add(C8Value.From(i));
            }
        }
        return ArrayOf(positions);
    }

    /// <summary>The lowest <c>bits</c> bits, most significant first.</summary>
    private static C8Value ToBitString(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!TryValueAndBits(arguments, out var value, out var bits))
        {
            return InvalidArgument(context, "BIT_TO_STRING");
        }
        var text = string.Create(bits, value, (span, v) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (v & (1UL << (span.Length - 1 - i))) != 0 ? '1' : '0';
            }
        });
        return C8Value.From(text);
    }

    private static C8Value FromBitString(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].TryGetString(out var text) || text.Length > MaxBits)
        {
            return InvalidArgument(context, "BIT_FROM_STRING");
        }
        ulong result = 0;
        foreach (var c in text)
        {
            if (c is not ('0' or '1'))
            {
                return InvalidArgument(context, "BIT_FROM_STRING");
            }
            result = (result << 1) | (uint)(c - '0');
        }
        return Unsigned(result);
    }
}
