using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Pages.Members;

/// <summary>
/// The member form's validator: every rule of the record (<see cref="MemberRecordRules"/>, shared with the
/// spreadsheet import) plus what only the database can answer for one record at a time: CCCD and card number
/// not already taken, and a cell chosen when creating.
/// </summary>
public sealed class MemberInputValidator : AbstractValidator<MemberInput>
{
    public MemberInputValidator(PartyRosterDbContext db, TimeProvider clock)
    {
        Include(new MemberRecordRules(clock));

        RuleFor(x => x.CitizenId)
            .MustAsync(async (x, v, ct) => !x.OnRoll || !await CitizenIdTakenAsync(db, v!.Trim(), x.MemberId, ct))
            .When(x => MemberRecordRules.CitizenIdWellFormed(x.CitizenId))
            .WithMessage(x => $"Số CCCD {x.CitizenId?.Trim()} đã được dùng cho một đảng viên khác đang trong danh sách.");

        RuleFor(x => x.PartyCardNumber)
            .MustAsync(async (x, v, ct) => !await CardTakenAsync(db, v!.Trim(), x.MemberId, ct))
            .When(x => MemberRecordRules.CardNumberWellFormed(x.PartyCardNumber))
            .WithMessage(x => $"Số thẻ đảng viên {x.PartyCardNumber?.Trim()} đã được cấp cho một đảng viên khác.");

        // The cell is chosen only when creating; moving a member is the transfer feature.
        RuleFor(x => x.CellId).NotNull().When(x => x.MemberId is null).WithMessage("Hãy chọn chi bộ.");
    }

    private static Task<bool> CitizenIdTakenAsync(PartyRosterDbContext db, string citizenId, int? self, CancellationToken ct)
    {
        var onRoll = MemberEnumNames.OnRollStates;
        return db.Members.AnyAsync(m => m.CitizenId == citizenId && onRoll.Contains(m.RollState) && (self == null || m.Id != self), ct);
    }

    private static Task<bool> CardTakenAsync(PartyRosterDbContext db, string card, int? self, CancellationToken ct)
    {
        var normalized = VietnameseName.Normalize(card);
        return db.Members.AnyAsync(m => m.PartyCardNumber == normalized && (self == null || m.Id != self), ct);
    }
}
